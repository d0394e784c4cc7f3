"""Text of the app's pages and widgets. key -> (en, ko)."""

TEXT = {
}
