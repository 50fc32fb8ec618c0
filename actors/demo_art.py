"""Calm abstract pictures drawn with Pillow, for demo profiles (no photos of real people)."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

# (Norwegian description for alt text, background top, background bottom, shapes...)
PALETTES = [
    (
        "grønt og sand",
        (226, 236, 230),
        (190, 214, 203),
        [(13, 90, 99), (242, 193, 78), (120, 168, 150)],
    ),
    (
        "blått og fersken",
        (230, 234, 244),
        (200, 210, 232),
        [(40, 70, 120), (240, 170, 140), (120, 150, 200)],
    ),
    (
        "mose og krem",
        (244, 240, 226),
        (222, 214, 190),
        [(80, 110, 70), (170, 140, 90), (200, 190, 150)],
    ),
    (
        "skifer og terrakotta",
        (236, 232, 228),
        (210, 204, 198),
        [(70, 80, 95), (190, 100, 70), (150, 160, 170)],
    ),
    (
        "lavendel og gull",
        (238, 234, 244),
        (214, 206, 230),
        [(90, 70, 130), (230, 190, 90), (170, 150, 200)],
    ),
    (
        "fjord og skum",
        (224, 238, 242),
        (186, 216, 226),
        [(20, 80, 110), (250, 250, 245), (90, 150, 170)],
    ),
]


def draw(seed: str, width: int = 1200, height: int = 800) -> tuple[bytes, str]:
    """PNG bytes and an alt text for a picture that is the same every time for the same seed."""
    rng = random.Random(seed)
    name, top, bottom, colours = PALETTES[rng.randrange(len(PALETTES))]
    # A one-pixel-wide gradient stretched sideways: fast, and smooth.
    column = Image.new("RGB", (1, height))
    column.putdata(
        [
            tuple(round(a + (b - a) * y / (height - 1)) for a, b in zip(top, bottom, strict=True))
            for y in range(height)
        ]
    )
    image = column.resize((width, height))
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(layer)
    circles = rng.randint(2, 4)
    for _ in range(circles):
        radius = rng.randint(height // 6, height // 2)
        cx, cy = rng.randint(0, width), rng.randint(0, height * 2 // 3)
        colour = rng.choice(colours)
        shapes.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius],
            fill=(*colour, rng.randint(70, 150)),
        )
    for band in range(rng.randint(2, 3)):
        base = height * (0.6 + 0.12 * band)
        amplitude = rng.randint(20, 60)
        phase = rng.random() * math.tau
        length = rng.uniform(0.6, 1.4)
        points = [
            (x, base + amplitude * math.sin(phase + x / width * math.tau * length))
            for x in range(0, width + 20, 20)
        ]
        colour = colours[band % len(colours)]
        shapes.polygon([*points, (width, height), (0, height)], fill=(*colour, 120 + band * 30))
    layer = layer.filter(ImageFilter.GaussianBlur(2))
    image = Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    alt = f"Abstrakt bilde i {name}: myke sirkler over bølgende landskapsformer."
    return buffer.getvalue(), alt


def draw_logo(seed: str, size: int = 400) -> tuple[bytes, str]:
    """A simple geometric mark on white, standing in for a logo."""
    rng = random.Random(seed + "logo")
    _name, _top, _bottom, colours = PALETTES[rng.randrange(len(PALETTES))]
    image = Image.new("RGB", (size, size), (255, 255, 255))
    shapes = ImageDraw.Draw(image)
    main, accent = colours[0], colours[1]
    pad = size // 8
    if rng.random() < 0.5:
        shapes.ellipse([pad, pad, size - pad, size - pad], fill=main)
        shapes.rectangle([size // 2, size // 2 - pad, size - pad, size // 2 + pad], fill=accent)
    else:
        shapes.rounded_rectangle([pad, pad, size - pad, size - pad], radius=size // 6, fill=main)
        shapes.ellipse([size // 3, size // 3, size * 2 // 3, size * 2 // 3], fill=accent)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue(), "Logo: et enkelt geometrisk merke"
