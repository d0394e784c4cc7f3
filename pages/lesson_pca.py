"""Guided lesson: aecore.use.course.LESSONS["pca"], drawn by aecore.ui.guide."""
from aecore.ui import guide

guide.show("pca")
