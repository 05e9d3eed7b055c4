"""The Textual console. Widgets display state and send intents to the service."""
