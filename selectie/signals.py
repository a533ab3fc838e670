"""What selectie tells the apps above it, without knowing them (imports point down).

``voordracht_ingediend`` is sent inside the submit's transaction, with ``voordracht``: the reviewing
side (``selectie.beoordeling``) records the automatic conflicts of interest that the new nominator
brings, so that a reviewer assigned before the nomination arrived cannot read it when their own
organisation nominated too.
"""

from django.dispatch import Signal

voordracht_ingediend = Signal()

stap_waarschuwingen = Signal()
"""Sent (with ``ronde`` and ``naar``) before a step of the round's lifecycle is confirmed; each receiver
returns a list of warnings in words (reviewing: candidates without a usable review of each organisation).
A warning is shown on the confirmation page, it never stops the step."""
