import time
def cpu_task(n):
    total = 0
    for i in range(n):
        total += i * i
    return total
def main():
    results = [cpu_task(n) for n in (10, 100, 1000)]
    print(results)
if __name__ == "__main__":
    main()
