grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
m = [[1, 2, 3], [4, 5, 6]]
t = [[row[i] for row in m] for i in range(3)]
print(t)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
