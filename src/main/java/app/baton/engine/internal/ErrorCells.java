package app.baton.engine.internal;

import app.baton.engine.CompileProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

/** Cells that hold no value a rule could use: spreadsheet errors and formulas that fail. */
final class ErrorCells {

    private ErrorCells() {
    }

    /**
     * A cell holding an error (#NAME?, #REF!) or a formula POI cannot evaluate would otherwise
     * compile to a silent wrong value; reject it and name the cell.
     */
    static void reject(String file, Workbook workbook, List<CompileProblem> problems) {
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String problem = cellProblem(cell, evaluator);
                    if (problem != null) {
                        problems.add(new CompileProblem(file, sheet.getSheetName(),
                                cell.getAddress().formatAsString(), null, problem));
                    }
                }
            }
        }
    }

    private static String cellProblem(Cell cell, FormulaEvaluator evaluator) {
        if (cell.getCellType() == CellType.ERROR) {
            return "the cell holds an error value (such as #NAME? or #REF!), not data: type the value instead";
        }
        if (cell.getCellType() != CellType.FORMULA) {
            return null;
        }
        try {
            CellType result = evaluator.evaluate(cell).getCellType();
            return result == CellType.ERROR ? "the formula '" + cell.getCellFormula() + "' evaluates to an error; type the value instead" : null;
        } catch (RuntimeException e) {
            return "the formula '" + cell.getCellFormula() + "' cannot be evaluated; type the value instead";
        }
    }
}
