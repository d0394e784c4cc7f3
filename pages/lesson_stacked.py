"""Guided lesson: aecore.use.course.LESSONS["stacked"], drawn by aecore.ui.guide."""
from aecore.ui import guide

guide.show("stacked")
