"""The layer-stack language: a stack of layer dicts -> the shape table (Keras-exact and PyTorch), the safe
code reader, lowering to torch ops and the torch module that computes exactly the table, the lessons'
presets, and the Layer Builder's editing logic. Imports only aecore.text (and torch, for build)."""
