"""The web chat widget: a Rasa input channel, the home page, and the browser code."""
