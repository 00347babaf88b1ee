"""Hand-written landing files in the callstats ingest dialect (docs/ingest-formats.md)."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

APP = "app-e2e"


def epoch_ms(day: date, hour: int, minute: int = 0, second: int = 0) -> int:
    return int(datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC).timestamp() * 1000)


def line(conf: str, uc: str, path: str, received_at: int, body: dict[str, Any]) -> str:
    envelope = {
        "v": 1,
        "appID": APP,
        "confID": conf,
        "ucID": uc,
        "path": path,
        "receivedAt": received_at,
        "geo": {"country": "FI", "region": "18", "asn": 1759, "isp": "Telia"},
        "body": body,
    }
    return json.dumps(envelope)


def joined(conf: str, uc: str, user: str, ts: int) -> str:
    body = {
        "localID": user,
        "deviceID": f"dev-{user}",
        "timestamp": ts,
        "endpointInfo": {"type": "peer", "buildName": "Chrome", "buildVersion": "120.0", "os": "Linux"},
    }
    return line(conf, uc, "userJoined", ts + 40, body)


def inbound_audio(conf: str, uc: str, user: str, ts: int, ssrc: int, packets: int, lost: int) -> str:
    """One getStats sample: an inbound audio stream on the selected candidate pair."""
    stats = [
        {
            "id": f"IA{ssrc}",
            "type": "inbound-rtp",
            "kind": "audio",
            "ssrc": ssrc,
            "timestamp": ts,
            "packetsReceived": packets,
            "packetsLost": lost,
            "bytesReceived": packets * 80,
            "jitter": 0.02,
            "codecId": "CO",
        },
        {"id": "CO", "type": "codec", "mimeType": "audio/opus"},
        {"id": "T", "type": "transport", "selectedCandidatePairId": "CP"},
        {
            "id": "CP",
            "type": "candidate-pair",
            "localCandidateId": "L",
            "remoteCandidateId": "R",
            "currentRoundTripTime": 0.1,
        },
        {"id": "L", "type": "local-candidate", "candidateType": "host", "address": "10.0.0.7"},
        {"id": "R", "type": "remote-candidate", "candidateType": "srflx", "address": "198.51.100.9"},
    ]
    body = {"localID": user, "deviceID": f"dev-{user}", "timestamp": ts, "connectionID": "pc1", "stats": stats}
    return line(conf, uc, "stats", ts + 50, body)


def write(landing: Path, day: date, hour: int, name: str, lines: list[str]) -> Path:
    """Writes ``<landing>/callstats/date=D/hour=HH/name``, gzipped when the name ends in .gz."""
    path = landing / "callstats" / f"date={day}" / f"hour={hour:02d}" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def mark_ready(landing: Path, day: date) -> Path:
    marker = landing / "callstats" / f"date={day}" / "_READY"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    return marker


def small_day(landing: Path, day: date) -> None:
    """One call of two users: 5 stats samples, 2 joins, and one line that is not JSON (quarantined)."""
    t = epoch_ms(day, 10)
    write(
        landing,
        day,
        10,
        "gateway-1.jsonl",
        [
            joined("conf-1", "uc-alice", "alice", t),
            inbound_audio("conf-1", "uc-alice", "alice", t + 1_000, 11, 0, 0),
            inbound_audio("conf-1", "uc-alice", "alice", t + 11_000, 11, 500, 5),
            inbound_audio("conf-1", "uc-alice", "alice", t + 21_000, 11, 1000, 12),
            "{this is not json",
        ],
    )
    write(
        landing,
        day,
        11,
        "gateway-2.jsonl.gz",
        [
            joined("conf-1", "uc-bob", "bob", t + 2_000),
            inbound_audio("conf-1", "uc-bob", "bob", t + 3_000, 22, 0, 0),
            inbound_audio("conf-1", "uc-bob", "bob", t + 13_000, 22, 490, 0),
        ],
    )
