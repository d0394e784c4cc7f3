"""Using a trained model: embeddings and exact search, reconstruction quality, the learner's uploads.
Imports learn (how a model takes and gives images), shapes and text."""
