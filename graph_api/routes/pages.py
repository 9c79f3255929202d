"""The German network pages for coordinators (pyvis), served by the app."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["pages"])
