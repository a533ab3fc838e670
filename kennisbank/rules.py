"""Who may see what in the knowledge base beyond the public pages: only staff, the anonymous self-test totals."""

import rules

from koplopers.accounts.rules import is_programmastaf

rules.add_perm("kennisbank.zelftest_totalen", is_programmastaf)
