"""StreamField blocks shared by the site's content pages."""

from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class InsetTextBlock(blocks.RichTextBlock):
    class Meta:
        template = "components/blocks/inset_text.html"
        icon = "openquote"
        label = "Inset text"


class WarningBlock(blocks.CharBlock):
    class Meta:
        template = "components/blocks/warning_text.html"
        icon = "warning"
        label = "Warning"


class ContentStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", template="components/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    inset_text = InsetTextBlock(features=["bold", "italic", "link"])
    warning = WarningBlock()
