"""One settings object for the whole project, read from the environment (or `.env`).

The names are the ones `docker-compose.yml` uses, so a Docker user and a local user
configure the same things the same way.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "hash_api_key", "REPO_ROOT"]

REPO_ROOT = Path(__file__).resolve().parent.parent


def hash_api_key(key: str) -> str:
    """The form in which API keys are kept in the settings (sha256 hex)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # Neo4j connection
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field("vielfalt-local", alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    neo4j_query_timeout: float = Field(10.0, alias="NEO4J_QUERY_TIMEOUT")

    # the local Neo4j that `vielfalt neo4j install|start` manages
    neo4j_version: str = Field("5.26.30", alias="NEO4J_VERSION")
    neo4j_home: Path = Field(REPO_ROOT / ".neo4j", alias="NEO4J_HOME")
    neo4j_http_port: int = Field(7474, alias="NEO4J_HTTP_PORT")
    neo4j_heap: str = Field("2g", alias="NEO4J_HEAP")
    neo4j_pagecache: str = Field("1g", alias="NEO4J_PAGECACHE")

    # API
    api_host: str = Field("127.0.0.1", alias="API_HOST")
    api_port: int = Field(8000, alias="API_PORT")
    api_key_hashes: list[str] = Field(default_factory=list, alias="API_KEY_HASHES")
    api_read_requires_key: bool = Field(False, alias="API_READ_REQUIRES_KEY")
    api_access_log: bool = Field(False, alias="API_ACCESS_LOG")
    graphql_max_depth: int = Field(10, alias="GRAPHQL_MAX_DEPTH")
    graphql_max_page_size: int = Field(100, alias="GRAPHQL_MAX_PAGE_SIZE")
    graphql_max_tokens: int = Field(2000, alias="GRAPHQL_MAX_TOKENS")
    graphql_analysis_slots: int = Field(2, ge=1, alias="GRAPHQL_ANALYSIS_SLOTS")
    viz_aggregate_above: int = Field(1500, alias="VIZ_AGGREGATE_ABOVE")

    # data
    extract_workers: int = Field(1, ge=0, alias="EXTRACT_WORKERS")  # 0: all cores
    corpus_dir: Path = Field(REPO_ROOT.parent / "shared" / "corpus", alias="CORPUS_DIR")
    corrections_file: Path = Field(REPO_ROOT / "curation.yaml", alias="CORRECTIONS_FILE")

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def neo4j_is_local(self) -> bool:
        return self.bolt_host in {"127.0.0.1", "localhost", "::1"}

    @property
    def neo4j_routing(self) -> bool:
        """``neo4j://``, ``neo4j+s://``, ``neo4j+ssc://``: a cluster (or Aura) that routes
        writes to its leader and reads to followers and read replicas."""
        return urlsplit(self.neo4j_uri).scheme.startswith("neo4j")

    @property
    def neo4j_tls(self) -> bool:
        """``+s`` / ``+ssc`` schemes: the server speaks Bolt inside TLS (Aura)."""
        return urlsplit(self.neo4j_uri).scheme.endswith(("+s", "+ssc"))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
