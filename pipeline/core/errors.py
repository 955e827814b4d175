"""The one error type a stage raises for bad input, so the CLI can print it on one line and exit."""


class InputError(Exception):
    """Bad input: the message names the file and the problem in one line."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
