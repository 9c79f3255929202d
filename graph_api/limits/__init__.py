"""Our limits against abusive requests (issue 11): none of Strawberry's limiters does this.

``cost``: the estimate of a GraphQL document on its syntax tree; ``extension``: the check
before validation; ``http``: the request body limit and the wall-clock budget (ASGI).
"""

from .cost import Estimate, estimate
from .extension import RequestLimits, check_document
from .http import RequestGuard

__all__ = ["Estimate", "estimate", "RequestLimits", "check_document", "RequestGuard"]
