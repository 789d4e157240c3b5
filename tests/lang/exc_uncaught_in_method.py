# check: traceback
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
a = Account(10)
a.withdraw(3)
print(a.balance)
a.withdraw(100)
