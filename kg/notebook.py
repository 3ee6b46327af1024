"""The page inline in Jupyter: ``kg.show(store)`` draws the graph in an isolated iframe.

The page is a whole HTML document with its own styles; put straight into a notebook it would
restyle the notebook. Here it is the ``srcdoc`` of a sandboxed iframe (scripts allowed, no
same-origin access), so neither side sees the other's styles or scripts.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["show", "InlinePage"]


@dataclass(frozen=True)
class InlinePage:
    """A page that Jupyter displays inline (``_repr_html_``); ``html`` is the whole page document."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{int(self.height)}px;'
                f'border:1px solid #ddd" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                f'title="kg graph"></iframe>')


def show(graph_or_store, *, focus: str | None = None, hops: int = 2, height: int = 640) -> InlinePage:
    """The page of a store, a :class:`~kg.claimset.ClaimSet` or an entity network, for inline display.

    >>> import networkx as nx
    >>> shown = show(nx.MultiDiGraph())
    >>> shown._repr_html_().startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    True
    """
    from .claimset import ClaimSet, read_claims
    from .viz import network_html

    source = graph_or_store
    if not isinstance(source, ClaimSet) and hasattr(source, "query") and hasattr(source, "quads"):
        source = read_claims(source)
    return InlinePage(network_html(source, focus=focus, hops=hops), height)
