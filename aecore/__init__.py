"""The autoencoder classroom's core: layer stacks, models, data, training, search.

Importing ``aecore`` is cheap: torch is imported only by the modules that need it (build, train, …).
"""
__version__ = "0.1.0"
