"""Who may see the outbox and send a message again: the programme staff (two-factor verified)."""

import rules

from koplopers.accounts.rules import is_programmastaf

rules.add_perm("post.berichten_bekijken", is_programmastaf)
rules.add_perm("post.bericht_opnieuw_versturen", is_programmastaf)
