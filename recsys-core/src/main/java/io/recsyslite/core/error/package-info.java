/**
 * The exceptions a caller of the library can cause. All are unchecked and extend
 * {@link RecsysException}: {@link InvalidDataException} (a file breaks the data contract; the
 * message names file, row and column), {@link InvalidParameterException} (a hyperparameter or
 * request argument out of range or of the wrong type), {@link NotFoundException} (an unknown user
 * or item id), {@link UnknownNameException} (an unknown algorithm, index type, parameter or
 * metric; the message lists the known ones) and {@link CorruptModelException} (a model directory
 * with a missing or corrupt file, or a format newer than this library reads). Messages are meant
 * to be shown as they are: the CLI prints them on one line, without a stack trace.
 */
package io.recsyslite.core.error;
