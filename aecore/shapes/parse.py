"""The code reader's public face (kept where pages, the CLI and the tests have always imported it from);
the reader itself is the package ``aecore.shapes.code``."""
from aecore.shapes.code import ParseError, Parsed, guess_input_shape, read_code

__all__ = ["ParseError", "Parsed", "read_code", "guess_input_shape"]
