"""Read pasted Keras or PyTorch model code into a layer stack, from its syntax tree only.

Nothing is ever executed. The reader follows the code as Python would, on a small safe subset: values with
budgets (``values``), imports, functions and classes defined in the paste, ``Sequential`` (a list, ``.add``,
nested ones), Keras's functional API (``x = Dense(32)(x)``, ``Model(inp, out)``), subclassed models
(``__init__`` then ``call``/``forward``, statement by statement, nested calls, reshapes, ``for`` over a
ModuleList), ``nn.Sequential(*layers)``, ``OrderedDict``, ``add_module``. What it builds is symbolic
(``objects``); ``reader`` evaluates expressions, ``calls`` and ``statements`` follow the rest, ``ops`` holds
tensor and container methods, ``choose`` picks the model the paste builds.

Never silently wrong: whatever could change the model and cannot be followed exactly (tensors added or
joined, a Lambda, a custom layer, a name from another file, a shape read back with ``K.int_shape``) stops the
read with a ``ParseError`` that names the line; what is followed but changed (an ignored initialiser, a later
``input_shape=``, which of several models was read) is said in ``Parsed.notes``.

    parsed = read_code(source)            # -> Parsed(dialect, stack, input_shape, names, notes)
    read_code(source, {"latent_dim": 8})  # values for names the code uses but never sets
"""
from aecore.shapes.code.choose import guess_input_shape, read_code
from aecore.shapes.code.objects import Parsed
from aecore.shapes.code.values import ParseError

__all__ = ["ParseError", "Parsed", "read_code", "guess_input_shape"]
