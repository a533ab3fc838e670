"""Views of the gemeenten app: the public pages (``publiek``) and profile editing (``bewerken``)."""
