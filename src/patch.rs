//! [`Patch<T>`]: the tri-state every PATCH field uses.

/// What an update does to one field: leave it, clear it, or set it.
///
/// `Option<T>` has only two states, so a client built on it cannot tell "don't touch"
/// from "empty it". Every field of an update builder is a `Patch<T>`; a field left at
/// [`Patch::Keep`] is never sent.
///
/// ```
/// use mcp_admin::Patch;
///
/// let name: Patch<String> = Patch::Set("GitHubTools".into());
/// assert!(name.is_set());
/// assert_eq!(Patch::<String>::default(), Patch::Keep);
/// assert_eq!(Patch::Set(2).map(|n| n * 10), Patch::Set(20));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// Leave the field as it is on the server: nothing is sent for it.
    #[default]
    Keep,
    /// Empty the field (the platform's own empty form: `""`, `[]`).
    Clear,
    /// Set the field to this value.
    Set(T),
}

impl<T> Patch<T> {
    /// `true` for [`Patch::Keep`]: the field is not part of the update.
    pub fn is_keep(&self) -> bool {
        matches!(self, Patch::Keep)
    }

    /// `true` for [`Patch::Clear`].
    pub fn is_clear(&self) -> bool {
        matches!(self, Patch::Clear)
    }

    /// `true` for [`Patch::Set`].
    pub fn is_set(&self) -> bool {
        matches!(self, Patch::Set(_))
    }

    /// Borrows the value inside.
    pub fn as_ref(&self) -> Patch<&T> {
        match self {
            Patch::Keep => Patch::Keep,
            Patch::Clear => Patch::Clear,
            Patch::Set(v) => Patch::Set(v),
        }
    }

    /// Maps the value of [`Patch::Set`], keeping `Keep` and `Clear`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Keep => Patch::Keep,
            Patch::Clear => Patch::Clear,
            Patch::Set(v) => Patch::Set(f(v)),
        }
    }

    /// The value to send, or `None` for `Keep`: `Clear` becomes `empty()`.
    ///
    /// ```
    /// use mcp_admin::Patch;
    /// assert_eq!(Patch::<String>::Clear.into_wire(String::new), Some(String::new()));
    /// assert_eq!(Patch::<String>::Keep.into_wire(String::new), None);
    /// ```
    pub fn into_wire(self, empty: impl FnOnce() -> T) -> Option<T> {
        match self {
            Patch::Keep => None,
            Patch::Clear => Some(empty()),
            Patch::Set(v) => Some(v),
        }
    }

    /// [`Patch::Clear`] when `clear` is true, else this change: the shape of a
    /// `--x VALUE` / `--clear-x` pair of options, forwarded in one call.
    ///
    /// ```
    /// use mcp_admin::Patch;
    /// fn from_args(value: Option<&str>, clear: bool) -> Patch<&str> {
    ///     Patch::from(value).clear_if(clear)
    /// }
    /// assert_eq!(from_args(Some("x"), false), Patch::Set("x"));
    /// assert_eq!(from_args(None, false), Patch::Keep);
    /// assert_eq!(from_args(None, true), Patch::Clear);
    /// ```
    #[must_use]
    pub fn clear_if(self, clear: bool) -> Self {
        if clear {
            Patch::Clear
        } else {
            self
        }
    }

    /// Applies this change to a current value: `Keep` returns `current`, `Clear`
    /// returns `empty()`, `Set(v)` returns `v`. Used by read–merge–write updates.
    ///
    /// ```
    /// use mcp_admin::Patch;
    /// assert_eq!(Patch::Keep.apply_to(7, || 0), 7);
    /// assert_eq!(Patch::Clear.apply_to(7, || 0), 0);
    /// assert_eq!(Patch::Set(9).apply_to(7, || 0), 9);
    /// ```
    pub fn apply_to(self, current: T, empty: impl FnOnce() -> T) -> T {
        match self {
            Patch::Keep => current,
            Patch::Clear => empty(),
            Patch::Set(v) => v,
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Set(value)
    }
}

impl<T> From<Option<T>> for Patch<T> {
    /// `Some(v)` sets, `None` keeps: an optional input forwarded as-is never clears.
    ///
    /// ```
    /// use mcp_admin::Patch;
    /// assert_eq!(Patch::from(Some(3)), Patch::Set(3));
    /// assert_eq!(Patch::<i32>::from(None), Patch::Keep);
    /// ```
    fn from(value: Option<T>) -> Self {
        value.map_or(Patch::Keep, Patch::Set)
    }
}
