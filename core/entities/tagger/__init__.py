"""A character-level CRF trained on the editor's own decisions (python-crfsuite).

- ``features``: what the CRF sees at each character: the characters around it, jieba's word
  position and tag, and the BIO tag our rules (with the lexicon) gave it;
- ``examples``: a saved page (its text and the entities as the editor left them) as sequences;
- ``store``: where a user's (or a project folder's) tagger lives: the pages it learns from, a cache
  of their examples, the model, on/off;
- ``train``: training, in a background process for the window;
- ``stage``: the trained model as a pipeline stage with its own confidence.
"""
