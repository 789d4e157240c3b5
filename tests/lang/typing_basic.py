from typing import Any, Optional, Union, List, Dict, Tuple, Callable, TypeVar, Generic, Iterable, Set, Sequence
import typing
T = TypeVar('T')
K = TypeVar('K', bound=int)
print(T, K, Optional[int], Union[int, str], Union[int, None], List[int], Dict[str, List[int]], Tuple[int, ...])
print(Callable[[int, str], bool], Set[float], Sequence[T], typing.Any, List, Union[int, Union[str, float]])
print(Optional[Union[int, str]] == Union[int, str, None], Union[int] is int)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(3); print(s.pop(), isinstance(s, Stack))
def greet(name: Optional[str] = None, *args: Any, **kw: Dict[str, int]) -> str:
    return 'hi ' + (name or 'you')
print(greet(), greet('bob'))
class Point:
    x: int
    y: float = 0.0
print(typing.get_type_hints(Point), typing.cast(int, 'x'), typing.TYPE_CHECKING)
print(typing.get_origin(List[int]) is list, typing.get_args(Dict[str, int]))
UserId = typing.NewType('UserId', int)
print(UserId(5) + 1)
try:
    List()
except TypeError as e:
    print(e)
try:
    Union[()]
except TypeError as e:
    print(e)
