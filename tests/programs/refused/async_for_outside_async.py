# error: 3:5: 'async for' outside async function
def main(q):
    async for item in q:
        print(item)
