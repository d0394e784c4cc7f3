"""Guided lesson: aecore.use.course.LESSONS["shapes"], drawn by aecore.ui.guide."""
from aecore.ui import guide

guide.show("shapes")
