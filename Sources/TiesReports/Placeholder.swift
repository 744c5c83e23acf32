public enum TiesReportsPlaceholder {}
