"""Learning: datasets as uint8 tensors, downloads, the training engine (TrainConfig, the fast loop, runs in worker processes,
stop / continue / keep), the model store, devices, and the training doctor. Imports shapes and text."""
