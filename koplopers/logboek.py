"""Log lines as ``key=value`` pairs on one line, easy to grep and to count (``event=…``)."""

import logging
from datetime import UTC, datetime


def _waarde(tekst: str) -> str:
    if tekst and not any(teken in tekst for teken in ' "=\n'):
        return tekst
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class SleutelWaardeFormatter(logging.Formatter):
    """``ts=… level=… logger=… msg="…"``; a message that is already ``event=…`` pairs is added as it is.

    A traceback follows on the next lines, as usual.
    """

    def format(self, record):
        tijd = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        bericht = record.getMessage()
        delen = [f"ts={tijd}", f"level={record.levelname}", f"logger={record.name}"]
        delen.append(bericht if bericht.startswith("event=") else f"msg={_waarde(bericht)}")
        status = getattr(record, "status_code", None)
        if status is not None:
            delen.append(f"status={status}")
        regel = " ".join(delen)
        if record.exc_info:
            regel += "\n" + self.formatException(record.exc_info)
        return regel
