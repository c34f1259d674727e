"""Structural validation of parsed resolutions: the rule catalogue and its runner.

>>> import unres
>>> text = open("fixtures/seed/A_RES_57_53.txt", encoding="utf-8").read()  # doctest: +SKIP
>>> unres.check(unres.parse(text), text)  # doctest: +SKIP
[]

:func:`validate` (exported at the top level as :func:`unres.check`, so that
the name ``unres.validate`` stays this package) runs the rules of
:data:`RULES` and returns :class:`~unres.models.Finding` records sorted by
position. Each rule lives in the module of its family (:mod:`.numbering`,
:mod:`.items`, :mod:`.footnotes`, :mod:`.punctuation`, :mod:`.heading`,
:mod:`.dates`, :mod:`.structure`, :mod:`.parsed`); the table in
:mod:`.catalogue` gives its code, severity and explanation.
"""

from unres.validate.catalogue import CODES, RULES, Rule, Selection
from unres.validate.run import validate

__all__ = ["CODES", "RULES", "Rule", "Selection", "validate"]
