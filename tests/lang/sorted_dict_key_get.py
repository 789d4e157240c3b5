votes = {"red": 3, "blue": 7, "green": 5}
print(sorted(votes, key=votes.get), max(votes, key=votes.get), min(votes.items(), key=lambda kv: kv[1]))
print(sorted(votes.items(), key=lambda kv: kv[1], reverse=True)[0])
ranked = {name: i + 1 for i, name in enumerate(sorted(votes, key=lambda n: -votes[n]))}
print(ranked)
