class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return "woof"
class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"
for a in (Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug")):
    print(a.describe())
p = Puppy("x", "y")
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog), p.breed)
print([c.__name__ for c in Puppy.__mro__])
