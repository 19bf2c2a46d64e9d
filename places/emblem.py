"""An invented emblem for the demo's municipalities, drawn here so that the demo's documents
show a logo without copying any real municipality's coat of arms."""

import io

# The emblem is drawn large and scaled down once, so that its edges come out smooth.
_SIZE = 480
_SCALE = 4


def demo_emblem(*, colour: tuple[int, int, int]) -> bytes:
    """A small PNG: a house under a roof and a rising sun in a coloured disc, ours alone."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (_SIZE, _SIZE), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    white = (255, 255, 255, 255)
    pen.ellipse((8, 8, _SIZE - 8, _SIZE - 8), fill=(*colour, 255))
    pen.ellipse((150, 70, 330, 250), fill=(246, 190, 0, 255))
    pen.polygon([(96, 260), (240, 140), (384, 260)], fill=white)
    pen.rectangle((130, 250, 350, 380), fill=white)
    pen.rectangle((215, 300, 265, 380), fill=(*colour, 255))
    small = image.resize((_SIZE // _SCALE, _SIZE // _SCALE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()
