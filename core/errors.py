"""Errors the domain raises when a user asks for something that cannot be done."""


class DomainError(Exception):
    """An expected error: the message is shown to the user as it is."""


class NotFound(DomainError):
    """A facility, product, lot or movement that does not exist."""


class InsufficientStock(DomainError):
    """An outgoing movement larger than the usable stock."""

    def __init__(self, message: str, available: int) -> None:
        super().__init__(message)
        self.available = available
