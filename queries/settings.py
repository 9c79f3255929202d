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
    # the repository's .env wherever the process starts (notebooks run in notebooks/);
    # a .env in the working directory, if it is another one, wins
    model_config = SettingsConfigDict(
        env_file=(REPO_ROOT / ".env", ".env"), extra="ignore", populate_by_name=True
    )

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
    graphql_execution_threads: int = Field(2, ge=1, alias="GRAPHQL_EXECUTION_THREADS")
    # abuse limits, checked before validation (graph_api/limits/, docs/reliability.md)
    graphql_max_cost: int = Field(200_000, ge=1, alias="GRAPHQL_MAX_COST")
    graphql_max_fragments: int = Field(50, ge=0, alias="GRAPHQL_MAX_FRAGMENTS")
    graphql_max_spreads: int = Field(100, ge=0, alias="GRAPHQL_MAX_SPREADS")
    graphql_max_aliases: int = Field(30, ge=0, alias="GRAPHQL_MAX_ALIASES")
    graphql_max_string_length: int = Field(1000, ge=1, alias="GRAPHQL_MAX_STRING_LENGTH")
    graphql_max_items: int = Field(10_000, ge=1, alias="GRAPHQL_MAX_ITEMS")
    graphql_max_response_bytes: int = Field(5_000_000, ge=1, alias="GRAPHQL_MAX_RESPONSE_BYTES")
    graphql_introspection: bool = Field(True, alias="GRAPHQL_INTROSPECTION")
    graphiql_enabled: bool = Field(True, alias="GRAPHIQL_ENABLED")
    api_max_body_bytes: int = Field(262_144, ge=1, alias="API_MAX_BODY_BYTES")
    api_request_timeout: float = Field(30.0, gt=0, alias="API_REQUEST_TIMEOUT")
    viz_aggregate_above: int = Field(1500, alias="VIZ_AGGREGATE_ABOVE")

    # data
    extract_workers: int = Field(1, ge=0, alias="EXTRACT_WORKERS")  # 0: all cores
    corpus_dir: Path = Field(REPO_ROOT.parent / "shared" / "corpus", alias="CORPUS_DIR")
    corrections_file: Path = Field(REPO_ROOT / "curation.yaml", alias="CORRECTIONS_FILE")
    eval_dir: Path = Field(REPO_ROOT.parent / "shared" / "eval", alias="EVAL_DIR")
    # larger source files are refused rather than read into memory
    source_max_bytes: int = Field(50 * 1024 * 1024, ge=1, alias="SOURCE_MAX_BYTES")
    # the corrections file: at most this size and this many YAML aliases (no "billion laughs")
    corrections_max_bytes: int = Field(1024 * 1024, ge=1, alias="CORRECTIONS_MAX_BYTES")
    corrections_max_aliases: int = Field(100, ge=0, alias="CORRECTIONS_MAX_ALIASES")

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
