public enum TiesInterchangePlaceholder {}
