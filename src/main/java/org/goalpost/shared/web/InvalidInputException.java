package org.goalpost.shared.web;

import java.util.List;

/** Input broke a business rule; nothing was written. Answered as 422 problem details naming the fields. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean concerns(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder("Invalid input:");
        problems.forEach(p -> text.append(' ')
                .append(p.field())
                .append(" (")
                .append(p.message())
                .append(')'));
        return text.toString();
    }
}
