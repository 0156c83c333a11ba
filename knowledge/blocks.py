"""StreamField blocks for knowledge articles: steps, contacts, documents and forms."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from intranet.blocks import RICH_TEXT_FEATURES, InsetTextBlock, WarningBlock

STEP_TEXT_FEATURES = ["bold", "italic", "ul", "link", "document-link"]


class StepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, help_text="A short name for the step.")
    text = blocks.RichTextBlock(features=STEP_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = "Step"


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(help_text="A person or a shared mailbox, such as Payroll.")
    team = blocks.CharBlock(required=False)
    email = blocks.EmailBlock(required=False)
    phone = blocks.CharBlock(required=False, max_length=40)

    class Meta:
        icon = "user"
        label = "Contact card"
        template = "knowledge/blocks/contact_card.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    link_text = blocks.CharBlock(
        required=False, help_text="Leave empty to use the document's title."
    )

    class Meta:
        icon = "doc-full"
        label = "Document link"
        template = "knowledge/blocks/document_link.html"


class RequestFormLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Link to a request form")
    link_text = blocks.CharBlock(
        required=False, help_text="Leave empty to use the form's title."
    )

    class Meta:
        icon = "form"
        label = "Link to a request form"
        template = "knowledge/blocks/request_form_link.html"


class ArticleStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title", template="components/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    steps = blocks.ListBlock(
        StepBlock(),
        label="Numbered steps",
        icon="list-ol",
        template="knowledge/blocks/steps.html",
    )
    callout = InsetTextBlock(features=["bold", "italic", "link"], label="Callout")
    warning = WarningBlock()
    contact = ContactCardBlock()
    document = DocumentLinkBlock()
    request_form = RequestFormLinkBlock()
