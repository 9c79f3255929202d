"""Mention finding that learns: a sequence model over tokens, trained on our references.

The rules (gazetteer, naming patterns, legal forms) know a lot, but each new rule fixes the
example it was written for. Here what they know becomes *features* of a conditional random
field that decides, token by token, where an organisation or programme name begins and
ends; the model is trained from the committed references by ``vielfalt train``.

    tokens -> features -> CRF tags -> spans -> mentions
"""

from loaders.learn.tokens import Token, tokenize

__all__ = ["Token", "tokenize"]
