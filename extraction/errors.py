"""The one error type that reading notes may raise."""


class ReadError(ValueError):
    """A file cannot be read as notes. The message is the reason, for a user.

    Readers raise it; :func:`extraction.readers.read_file` catches it and records
    ``"<reason>"`` in the file's ``SourceInfo.errors`` so that the rest of a build goes on.
    """
