"""The room view's body: as many blocks of a page as fit, the anchored one always among them.

Blocks are drawn only around the anchor, so a page of thousands of actions paints
as fast as one of ten. A few blocks before the anchor stay in view for context; a
line at the top and at the bottom says how many are out of sight. A block taller
than what is left is shown as far as it fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from pact_tui.i18n import t
from pact_tui.tui.room.pages import Block, Page

CONTEXT_SHARE = 3
"""At most a third of the height goes to the blocks before the anchor."""


class PageView(Widget):
    """Shows one Page; `show` replaces it, `anchor` is the block kept in view."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.page: Page | None = None
        self.anchor_index: int | None = None
        self._lines: list[Strip] = []
        self._laid_out_for: tuple[int, int] | None = None

    def show(self, page: Page, anchor: int | None) -> None:
        self.page = page
        self.anchor_index = anchor
        self._laid_out_for = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        size = (self.content_size.width, self.content_size.height)
        if self._laid_out_for != size:
            self._lines = self._layout(*size)
            self._laid_out_for = size
        line = self._lines[y] if y < len(self._lines) else Strip.blank(size[0])
        return line.apply_style(self.rich_style)

    def _strips(self, renderable: RenderableType, width: int) -> list[Strip]:
        console = self.app.console
        lines = console.render_lines(renderable, console.options.update_width(width), pad=True)
        return [Strip(line, width) for line in lines]

    def _layout(self, width: int, height: int) -> list[Strip]:
        page = self.page
        width = max(width, 10)
        if page is None or not page.blocks:
            message = t("tui.room.reading") if page is None else page.empty
            return self._strips(Text(message), width)
        anchor = min(self.anchor_index or 0, len(page.blocks) - 1)
        drawn: dict[int, list[Strip]] = {}

        def lines_of(index: int) -> list[Strip]:
            if index not in drawn:
                # One blank line under each block keeps the page calm.
                drawn[index] = [*self._strips(page.blocks[index].make(), width),
                                Strip.blank(width)]
            return drawn[index]

        # Two lines are kept for "n more above" and "n more below".
        room = max(height - 2, 1)
        used = len(lines_of(anchor))
        first = last = anchor
        while first > 0 and used + len(lines_of(first - 1)) <= room // CONTEXT_SHARE:
            first -= 1
            used += len(drawn[first])
        while last + 1 < len(page.blocks) and used + len(lines_of(last + 1)) <= room:
            last += 1
            used += len(drawn[last])
        # Near the end of the page, what is left goes to the blocks before.
        while first > 0 and used + len(lines_of(first - 1)) <= room:
            first -= 1
            used += len(drawn[first])
        body = [line for index in range(first, last + 1) for line in drawn[index]]
        if last + 1 < len(page.blocks) and used < room:
            body.extend(lines_of(last + 1)[: room - used])
        lines: list[Strip] = []
        if first > 0:
            lines.extend(self._note(self._out_of_sight(page.blocks[:first], "above"), width))
        lines.extend(body[:room])
        if last + 1 < len(page.blocks):
            lines.extend(self._note(self._out_of_sight(page.blocks[last + 1:], "below"), width))
        return lines

    @staticmethod
    def _out_of_sight(blocks: Sequence[Block], where: str) -> str:
        """"▲ nog 3 hierboven": the items out of sight (actions, challenges), not the
        headings and tallies between them; those alone are "more"."""
        items = sum(1 for block in blocks if block.key is not None)
        if items:
            return t(f"tui.room.more_{where}", count=items)
        return t(f"tui.room.more_{where}_other")

    def _note(self, text: str, width: int) -> list[Strip]:
        segments = [Segment(text[:width], Style(italic=True, bold=True))]
        return [Strip(segments).adjust_cell_length(width)]
