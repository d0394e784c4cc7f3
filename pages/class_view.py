"""The teacher's class view (open only with the server's token): aecore.ui.classview."""
from aecore.ui import classview

classview.show()
