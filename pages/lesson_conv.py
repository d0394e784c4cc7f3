"""Guided lesson: aecore.use.course.LESSONS["conv"], drawn by aecore.ui.guide."""
from aecore.ui import guide

guide.show("conv")
