import asyncio

async def worker(name, emoji):
    await asyncio.sleep(0.1)
    print(f"{name} → {emoji} fertig ✓")
    return len(name)

async def main():
    print("Grüße aus Zürich — ünïcödé")
    results = await asyncio.gather(worker("Ærø", "🌊"), worker("東京", "🗼"), worker("Δelta", "🔺"))
    print(results, "日本語"[1], "naïve"[2:], "ß".upper(), len("🙂"))
    print(repr("é"), ascii_free("ça va"))

def ascii_free(s):
    return "".join(ch for ch in s if ord(ch) < 128)

asyncio.run(main())
