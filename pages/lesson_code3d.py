"""Guided lesson: aecore.use.course.LESSONS["code3d"], drawn by aecore.ui.guide."""
from aecore.ui import guide

guide.show("code3d")
